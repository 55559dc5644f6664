/**
 * The Supervisor workflow model: specifications of workflows and tasks, their states, run handles and outcomes.
 * This package depends on nothing but the JDK.
 */
package dev.supervisor.api;
