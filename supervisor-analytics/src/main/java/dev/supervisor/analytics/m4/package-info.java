/**
 * Reading and scoring M4 competition data: the organisers' wide CSVs for any of the six frequencies with their
 * horizons and seasonalities, and their error measures (sMAPE, MASE, OWA against Naive2, interval coverage and
 * MSIS), reproduced to the published figures.
 */
package dev.supervisor.analytics.m4;
