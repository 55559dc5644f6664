/**
 * The provider SPI: a {@link dev.supervisor.api.provider.Provider} is an AI coding back-end (an agent CLI, a model
 * API, a mock) that executes one request and returns a typed {@link dev.supervisor.api.provider.ProviderResult}:
 * either a success with output, tokens, cost, model and duration, or a failure of a
 * {@link dev.supervisor.api.provider.FailureKind} that tells the router what to do next. Routing events, the
 * attempt history of a task and the {@link dev.supervisor.api.provider.CapacityAdvisor} prediction SPI live here
 * too, so that engine, analytics and plugins can share them without depending on the router.
 */
package dev.supervisor.api.provider;
