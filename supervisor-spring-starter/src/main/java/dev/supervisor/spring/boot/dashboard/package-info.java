/**
 * The live dashboard at {@code /supervisor/}: static pages served from the starter's jar (plain HTML, CSS and
 * JavaScript modules, charts through the uPlot WebJar, nothing from a CDN and no inline script or style), and the
 * few reads the REST API lacks for them — a run's graph laid out on its topological levels with the critical path,
 * an overview of running, recent and failed runs with progress, retrying a run, and plugin states — served under
 * the API's path with the API's permissions.
 */
package dev.supervisor.spring.boot.dashboard;
