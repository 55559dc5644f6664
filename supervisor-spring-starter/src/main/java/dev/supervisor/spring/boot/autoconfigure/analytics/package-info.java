/** Analytics fed from the supervisor's events: the metric store and per-group statistics. */
package dev.supervisor.spring.boot.autoconfigure.analytics;
