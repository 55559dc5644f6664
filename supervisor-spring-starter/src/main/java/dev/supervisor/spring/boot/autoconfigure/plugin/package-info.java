/** Plugins from a directory (applies once the plugin host is part of supervisor-core). */
package dev.supervisor.spring.boot.autoconfigure.plugin;
