/**
 * The Numenta Anomaly Benchmark's scoring rules in Java (windows, probation, scaled sigmoid, the three profiles,
 * the global threshold sweep, normalisation), reproducing NAB's published per-file scores, and a reader of
 * NAB-format directories, so that a detector can be scored on NAB or on a user's own labelled data. Sweeps over
 * subsets of the files support choosing a threshold on some files and measuring it on others.
 */
package dev.supervisor.analytics.nab;
