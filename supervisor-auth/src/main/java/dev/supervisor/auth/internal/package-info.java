/**
 * Building blocks shared by the security packages: state tables that fail closed instead of forgetting, strict
 * JSON, and safe echoing of untrusted text. Not for use outside this module.
 */
package dev.supervisor.auth.internal;
