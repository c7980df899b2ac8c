/**
 * The neutral chat-platform port: what the product says ({@link org.tenfour.adapters.Message},
 * {@link org.tenfour.adapters.Form}), to whom ({@link org.tenfour.adapters.Address}), the outbound
 * capability ({@link org.tenfour.adapters.ChatPlatform}) and the inbound events platforms hand to
 * the product ({@link org.tenfour.adapters.InboundHandler}), and the product's command words as the
 * platforms' surfaces need them ({@link org.tenfour.adapters.Vocabulary}: adapters are given them,
 * never write them).
 *
 * <p>Nothing here knows Slack or Teams; their implementations live in sub-packages and render the
 * same {@code Form} as a Slack modal or a Teams Adaptive Card.
 */
package org.tenfour.adapters;
