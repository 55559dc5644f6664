/**
 * The M4 Hourly harness: reads the competition CSVs, runs forecasters over every series and scores them with the
 * organisers' sMAPE, MASE and OWA.
 */
package dev.supervisor.analytics.m4;
