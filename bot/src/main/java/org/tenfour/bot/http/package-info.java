/**
 * The HTTP edge: the Javalin server, health, readiness and metrics endpoints, request logging, and
 * the one place where failures are mapped to status codes (no stack trace ever reaches a client).
 */
package org.tenfour.bot.http;
