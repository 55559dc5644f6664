/**
 * Provider routing and the built-in providers. {@link dev.supervisor.core.provider.ProviderRouter} picks a provider
 * per request through a filter chain and a {@link dev.supervisor.core.provider.RoutingStrategy}, fails over by the
 * kind of each failure, enforces quotas, concurrency and budgets, and reports every step as a
 * {@link dev.supervisor.api.provider.RoutingEvent}. Built-in providers:
 * {@link dev.supervisor.core.provider.MockProvider},
 * {@link dev.supervisor.core.provider.ProcessProvider} (agent CLIs and any command) and
 * {@link dev.supervisor.core.provider.HttpProvider} (OpenAI-compatible chat completions and the Anthropic Messages
 * API). {@link dev.supervisor.core.provider.ProviderTaskHandler} plugs a router into the engine as a task handler.
 */
package dev.supervisor.core.provider;
