/**
 * Quartz on the JDBC job store in the product's own PostgreSQL, clustered: replicas share one
 * schedule and a job never fires twice for the same slot.
 */
package org.tenfour.bot.schedule;
