/**
 * Client addresses without DNS: strict IP literal parsing, CIDR ranges, and the client behind trusted proxies.
 */
package dev.supervisor.auth.net;
