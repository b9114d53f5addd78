import { z } from "zod";

/**
 * The staff forms of interview invitations, pure and client-safe: the bulk invitation
 * from the questionnaire shortlist (its own `ids` checkboxes and `vacancy` field, posted
 * to /interviews/invite), and a session's invitations page (invite more, book by
 * phone, withdraw, fill from the waitlist).
 */

export const MAX_INVITE_BULK = 200;

const ID = /^[a-z0-9-]{1,60}$/i;
const id = (error = "validation.invalidChoice") => z.string({ error }).regex(ID, error);
const ids = z
  .array(id(), { error: "interviewInvitations.errors.noneSelected" })
  .min(1, "interviewInvitations.errors.noneSelected")
  .max(MAX_INVITE_BULK, `interviewInvitations.errors.tooMany|max=${MAX_INVITE_BULK}`);

/** The shortlist's "invite to a group interview": the ticked applications of the vacancy. */
export const InviteSchema = z.object({
  intent: z.literal("invite", { error: "validation.invalidChoice" }),
  vacancy: id(),
  ids,
});
export type InviteInput = z.output<typeof InviteSchema>;

export const SessionInvitationsSchema = z.discriminatedUnion(
  "intent",
  [
    /** Invite more to this session (beyond its plan they wait on the vacancy's waitlist). */
    z.object({ intent: z.literal("invite"), ids }),
    /** Booked by phone: a confirmed place, refused when the room is full. */
    z.object({ intent: z.literal("book"), applicationId: id("interviewInvitations.errors.pickCandidate") }),
    z.object({ intent: z.literal("withdraw"), invitationId: id() }),
    /** Offer this session's free invitations to the waitlist, first come first served. */
    z.object({ intent: z.literal("fill") }),
  ],
  { error: "validation.invalidChoice" },
);
export type SessionInvitationsInput = z.output<typeof SessionInvitationsSchema>;
