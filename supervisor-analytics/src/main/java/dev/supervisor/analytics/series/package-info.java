/**
 * In-memory metric time series: samples rolled up into 1-minute and 1-hour buckets with bounded retention, a
 * query API (range, step, aggregation, filters, group by labels), live streams as {@link java.util.concurrent.Flow}
 * publishers with bounded per-subscriber buffers, export to JSON, CSV and XLSX, and a capacity hint per provider.
 */
package dev.supervisor.analytics.series;
