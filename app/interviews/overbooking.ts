import { logChoose } from "./beta";

/**
 * How many candidates to invite to a group interview so its seats fill. Pure, safe
 * on the client.
 *
 * With a show rate known only as Beta(α, β) (see ./show-rate.ts), the number who
 * come out of n invited is Beta-Binomial(n, α, β): Binomial(n, p) averaged over
 * the uncertain p. Planning with this rather than with the mean rate alone invites
 * a few more people when the estimate rests on little history, and fewer extra as
 * the history grows (the Beta-Binomial tends to Binomial(n, α/(α+β))).
 */

function checkBetaParameters(alpha: number, beta: number) {
  if (!(alpha > 0) || !Number.isFinite(alpha) || !(beta > 0) || !Number.isFinite(beta)) {
    throw new RangeError(`alpha and beta must be finite numbers above 0, got alpha=${alpha}, beta=${beta}`);
  }
}

function checkTrials(n: number) {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
}

/**
 * ln P(K = k) for K ~ Beta-Binomial(n, α, β) =
 * ln C(n,k) + ln B(k+α, n−k+β) − ln B(α, β). The Beta ratio is the rising
 * factorials α^(k) β^(n−k) / (α+β)^(n); each numerator factor is paired with a
 * denominator factor, so the sum is of logs of ratios below 1 — no large terms that
 * cancel, even when α+β is in the billions. O(n), fine for any group interview.
 */
function logPmf(k: number, n: number, alpha: number, beta: number): number {
  const total = alpha + beta;
  let sum = logChoose(n, k);
  for (let i = 0; i < k; i++) sum += Math.log((alpha + i) / (total + i));
  for (let j = 0; j < n - k; j++) sum += Math.log((beta + j) / (total + k + j));
  return sum;
}

/** P(K = k) for K ~ Beta-Binomial(n, α, β); 0 for k outside 0..n or not an integer. */
export function betaBinomialPmf(k: number, n: number, alpha: number, beta: number): number {
  checkTrials(n);
  checkBetaParameters(alpha, beta);
  if (!Number.isInteger(k) || k < 0 || k > n) return 0;
  return Math.exp(logPmf(k, n, alpha, beta));
}

/**
 * The whole distribution [P(K = 0), …, P(K = n)], from P(K = 0) and the ratio
 * P(k+1)/P(k) = (n−k)(k+α) / ((k+1)(n−k−1+β)), all in log space.
 */
export function betaBinomialDistribution(n: number, alpha: number, beta: number): number[] {
  checkTrials(n);
  checkBetaParameters(alpha, beta);
  const logs = [logPmf(0, n, alpha, beta)];
  for (let k = 0; k < n; k++) {
    logs.push(logs[k]! + Math.log(((n - k) * (k + alpha)) / ((k + 1) * (n - k - 1 + beta))));
  }
  return logs.map(Math.exp);
}

/** P(K ≤ k) for K ~ Beta-Binomial(n, α, β): 0 below 0, 1 from n on. */
export function betaBinomialCdf(k: number, n: number, alpha: number, beta: number): number {
  checkTrials(n);
  checkBetaParameters(alpha, beta);
  if (k < 0) return 0;
  if (k >= n) return 1;
  const upTo = Math.floor(k);
  const pmf = betaBinomialDistribution(n, alpha, beta);
  let sum = 0;
  for (let j = 0; j <= upTo; j++) sum += pmf[j]!;
  return Math.min(1, sum);
}

/** P(K ≥ k), summed from the upper tail so values near 1 − 1e-16 are not lost. */
function atLeast(pmf: readonly number[], k: number): number {
  let sum = 0;
  for (let j = pmf.length - 1; j >= Math.max(0, k); j--) sum += pmf[j]!;
  return Math.min(1, sum);
}

export type InviteRequest = {
  /** Seats to fill: the attendees the session needs. */
  seats: number;
  /** The most people the room (or the assessors) can take. */
  capacity: number;
  /** The show-rate posterior (e.g. from estimateShowRate). */
  estimate: { alpha: number; beta: number };
  /** Wanted chance of filling every seat; 0.8 by default. */
  confidence?: number;
  /** Never recommend more invitations than this; 200 by default. */
  maxInvites?: number;
};

export type InviteRecommendation = {
  /** How many to invite. */
  invite: number;
  /** The seats planned for: min(seats, capacity). */
  seats: number;
  /** True when capacity < seats, so only `capacity` seats are planned for. */
  cappedToCapacity: boolean;
  /** False when even maxInvites does not reach the confidence; invite = maxInvites then. */
  reached: boolean;
  /** P(attendees ≥ seats) at `invite`. */
  fillChance: number;
  /** P(attendees > capacity) at `invite`: the risk of sending someone home. */
  overCapacityChance: number;
  /** invite × α / (α + β). */
  expectedAttendees: number;
};

/**
 * The smallest number of invitations n with P(attendees ≥ seats) ≥ confidence,
 * attendees ~ Beta-Binomial(n, α, β). The chance only grows with n, so the search
 * walks up from n = seats. When the room holds fewer than the seats asked for, the
 * plan is for `capacity` seats (`cappedToCapacity`). When no n ≤ maxInvites is
 * enough (a show rate near 0), the answer is maxInvites with `reached: false`.
 *
 * Throws RangeError unless seats, capacity and maxInvites are integers ≥ 1,
 * 0 < confidence < 1, and α, β > 0.
 */
export function recommendInvites({
  seats: seatsAsked,
  capacity,
  estimate: { alpha, beta },
  confidence = 0.8,
  maxInvites = 200,
}: InviteRequest): InviteRecommendation {
  if (!Number.isInteger(seatsAsked) || seatsAsked < 1) throw new RangeError(`seats must be an integer ≥ 1, got ${seatsAsked}`);
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be an integer ≥ 1, got ${capacity}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be strictly between 0 and 1, got ${confidence}`);
  if (!Number.isInteger(maxInvites) || maxInvites < 1) throw new RangeError(`maxInvites must be an integer ≥ 1, got ${maxInvites}`);
  checkBetaParameters(alpha, beta);

  const seats = Math.min(seatsAsked, capacity);
  const mean = alpha / (alpha + beta);
  const at = (n: number, reached: boolean): InviteRecommendation => {
    const pmf = betaBinomialDistribution(n, alpha, beta);
    return {
      invite: n,
      seats,
      cappedToCapacity: capacity < seatsAsked,
      reached,
      fillChance: atLeast(pmf, seats),
      overCapacityChance: atLeast(pmf, capacity + 1),
      expectedAttendees: n * mean,
    };
  };
  for (let n = seats; n <= maxInvites; n++) {
    if (atLeast(betaBinomialDistribution(n, alpha, beta), seats) >= confidence) return at(n, true);
  }
  return at(maxInvites, false);
}

export type SessionPlan = {
  id: string;
  /** Candidates already invited to this session. */
  alreadyInvited: number;
  /** The recommended number of invitations (recommendInvites().invite). */
  recommended: number;
};

export type Spread = {
  /** New invitations per session id, every session present (possibly empty). */
  bySession: Map<string, string[]>;
  /** Candidates left over once every session has its recommended number. */
  waitlist: string[];
};

/**
 * Hand out candidates (in the order given, best first) to sessions (in the order
 * given, earliest first): each session gets up to `recommended − alreadyInvited`
 * new ones, none if it already has enough. The rest form the waitlist, in order.
 *
 * Throws RangeError for a repeated session id or candidate, or counts that are not
 * non-negative integers.
 */
export function spreadOverSessions(candidates: readonly string[], sessions: readonly SessionPlan[]): Spread {
  if (new Set(candidates).size !== candidates.length) throw new RangeError("a candidate appears twice");
  const bySession = new Map<string, string[]>();
  let next = 0;
  for (const session of sessions) {
    if (bySession.has(session.id)) throw new RangeError(`session ${session.id} appears twice`);
    for (const [name, value] of [["alreadyInvited", session.alreadyInvited], ["recommended", session.recommended]] as const) {
      if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} of session ${session.id} must be a non-negative integer, got ${value}`);
    }
    const room = Math.max(0, session.recommended - session.alreadyInvited);
    bySession.set(session.id, candidates.slice(next, next + room));
    next = Math.min(candidates.length, next + room);
  }
  return { bySession, waitlist: candidates.slice(next) };
}
