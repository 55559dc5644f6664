/** Plugins from a directory, hosted by Supervisor's plugin host and wired into the supervisor. */
package dev.supervisor.spring.boot.autoconfigure.plugin;
