/**
 * Point forecasts with prediction intervals: seasonal naive, Naive2, exponential smoothing (SES, Holt, damped),
 * Holt–Winters, Theta, linear trend, and an ensemble that picks and weights them per series from rolling-origin
 * back-tests on the history alone.
 */
package dev.supervisor.analytics.forecast;
