/**
 * Role-based access control: permissions {@code resource:action[:instance]} with whole-segment wildcards, roles
 * with inheritance (cycles refused), tenants, default deny, deny over allow, and indexed checks.
 */
package dev.supervisor.auth.rbac;
