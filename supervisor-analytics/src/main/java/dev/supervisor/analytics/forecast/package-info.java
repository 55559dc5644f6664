/**
 * Point forecasts with prediction intervals: naive, drift, seasonal naive and means, Naive2, exponential smoothing
 * (SES, Holt, damped), Comb, Holt–Winters, Theta, linear trend, seasonal adjustment for any cycle (non-integer ones
 * such as 52.18 weeks per year included), and an ensemble that picks and weights them per series from rolling-origin
 * back-tests on the history alone and sizes its intervals from the back-test errors.
 */
package dev.supervisor.analytics.forecast;
