/**
 * Internals shared by the adapters and the bot that belong to neither port: the one configured
 * Jackson mapper.
 */
package org.tenfour.adapters.internal;
