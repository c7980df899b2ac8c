package org.tenfour.adapters;

/**
 * Implemented by the product: receives every neutral inbound event from every platform. It must
 * answer quickly (Slack wants an acknowledgement within 3 seconds): slow work goes to the outbox.
 */
@FunctionalInterface
public interface InboundHandler {

    /** Handles one event and says what to answer immediately. */
    Reply handle(InboundEvent event);
}
