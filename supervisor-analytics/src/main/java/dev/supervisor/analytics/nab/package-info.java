/**
 * A Java implementation of the Numenta Anomaly Benchmark scorer (windows, probation, scaled sigmoid, the three
 * profiles, global threshold sweep, normalisation) and a harness that runs any detector over a NAB-format corpus.
 */
package dev.supervisor.analytics.nab;
