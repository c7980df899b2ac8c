package org.tenfour.storage;

import java.util.UUID;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * What {@code forgetme} deletes or rewrites beyond the member row itself (whose cascades take their
 * check-ins, peer profile and legacy reminders). Every statement names the agency.
 */
public interface MemberErasure {

    /** The relay routing the person is part of (either side). */
    @SqlUpdate(
            "delete from relay where agency_id = :agencyId and (member_key = :personKey or peer_key = :personKey)")
    int relays(UUID agencyId, String personKey);

    /**
     * Outbox rows addressed to them or mentioning them while undelivered, every row of a request
     * they were part of, and every row of their check-ins (a delivered one still holds the DM's id
     * until its buttons are replaced).
     */
    @SqlUpdate(
            """
            delete from outbox where agency_id = :agencyId
              and ((state = 'pending' and (target->>'targetId' = :platformUserId
                                           or position(:platformUserId in message::text) > 0))
                   or ref in (select id from connection_request where agency_id = :agencyId
                              and (member_id = :memberId or current_peer_id = :memberId
                                   or named_peer_id = :memberId or :memberId = any(tried_peer_ids)))
                   or ref in (select id from check_in where agency_id = :agencyId and member_id = :memberId))""")
    int outbox(UUID agencyId, UUID memberId, String platformUserId);

    /** Their Teams conversation reference. */
    @SqlUpdate(
            "delete from conversation_ref where agency_id = :agencyId and kind = 'user' and platform_id = :platformUserId")
    int conversationRefs(UUID agencyId, String platformUserId);

    /** Audit entries keep the change but lose the person (as actor, mention or value). */
    @SqlUpdate(
            """
            update audit_log set
                actor = case when actor = :platformUserId then 'forgotten' else actor end,
                action = replace(replace(action, '<@' || :platformUserId || '>', '<@forgotten>'),
                                 :platformUserId, 'forgotten'),
                old_value = replace(replace(old_value, '<@' || :platformUserId || '>', '<@forgotten>'),
                                    :platformUserId, 'forgotten'),
                new_value = replace(replace(new_value, '<@' || :platformUserId || '>', '<@forgotten>'),
                                    :platformUserId, 'forgotten')
            where agency_id = :agencyId
              and (actor = :platformUserId or position(:platformUserId in action) > 0
                   or position(:platformUserId in coalesce(old_value, '')) > 0
                   or position(:platformUserId in coalesce(new_value, '')) > 0)""")
    int audit(UUID agencyId, String platformUserId);

    /** Other members' tags that point at them (a supervisor tag). */
    @SqlUpdate(
            """
            update member set tags = tags - 'supervisor'
            where agency_id = :agencyId and tags->>'supervisor' = :platformUserId""")
    int tagsPointingAt(UUID agencyId, String platformUserId);

    /** Incident labels that name them (by mention or by their profile name). */
    @SqlUpdate(
            """
            update incident set label = replace(replace(label, '<@' || :platformUserId || '>', '(forgotten)'),
                                                :name, '(forgotten)')
            where agency_id = :agencyId and label is not null
              and (position(:platformUserId in label) > 0 or position(:name in label) > 0)""")
    int incidentLabels(UUID agencyId, String platformUserId, String name);

    /** Requests they were offered as a peer keep no trace of them. */
    @SqlUpdate(
            """
            update connection_request set tried_peer_ids = array_remove(tried_peer_ids, :memberId)
            where agency_id = :agencyId and :memberId = any(tried_peer_ids)""")
    int requestsOffered(UUID agencyId, UUID memberId);

    /** Reminders owed to them as a peer (by keyed tag). */
    @SqlUpdate("delete from follow_up_reminder where agency_id = :agencyId and peer_tag = :peerTag")
    int reminders(UUID agencyId, String peerTag);

    /** The installation they made keeps no installer. */
    @SqlUpdate(
            """
            update platform_installation set installer_user_id = null
            where agency_id = :agencyId and installer_user_id = :platformUserId""")
    int installations(UUID agencyId, String platformUserId);

    /** The member row (cascading to their check-ins, peer profile and legacy reminders). */
    @SqlUpdate("delete from member where agency_id = :agencyId and id = :memberId")
    int member(UUID agencyId, UUID memberId);
}
