/**
 * Quartz on the JDBC job store in the product's own PostgreSQL (on the background pool), clustered:
 * replicas share one schedule and a job never fires twice for the same slot. Requests that want a
 * job soon ask {@link org.tenfour.bot.schedule.Scheduling#triggerSoon}, which never makes them wait
 * on the job store.
 */
package org.tenfour.bot.schedule;
