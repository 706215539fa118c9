/**
 * An utterance as clauses: the best way to cover its words with rules, in order. Each position may
 * start a clause (any rule's hit from there) or be skipped (free for punctuation, joining words and
 * meaningless words; dear for a word that means something). Among readings that use the same words,
 * fewer and cheaper clauses win, so 'violence with injury and robbery' is one list, and 'rank
 * secondaries and suppress under 10' is two requests. Dynamic programming from the end: O(tokens ×
 * rules × hits).
 */
import { isNeutral, type Ctx } from './combinators';
import type { Reading, Rule } from './rule';

export interface Clause {
  readonly rule: Rule;
  readonly reading: Reading;
  /** Tokens [from, to). */
  readonly from: number;
  readonly to: number;
}

export interface Segmentation {
  readonly clauses: readonly Clause[];
  /** Tokens no clause used, that mean something (not punctuation or filler). */
  readonly unusedTokens: readonly number[];
}

/** A word that means something, left unused. */
const UNUSED = 10;
/** Each clause. */
const CLAUSE = 1;
/** Each meaningful token a clause covers (more than a clause costs, so 'go' alone is a request). */
const COVERED = 1.1;
/** Each meaningless or joining token a clause covers: a little, so clauses do not split to take them. */
const COVERED_NEUTRAL = 0.05;

interface Step {
  readonly cost: number;
  readonly clause?: Clause;
  /** Where the rest starts. */
  readonly next: number;
}

export function segment(ctx: Ctx, rules: readonly Rule[]): Segmentation {
  const n = ctx.tokens.length;
  const best = new Array<Step & { readonly total: number }>(n + 1);
  best[n] = { cost: 0, next: n, total: 0 };
  for (let i = n - 1; i >= 0; i--) {
    const skipCost = isNeutral(ctx.tokens[i]) ? 0 : UNUSED;
    let choice: Step & { total: number } = { cost: skipCost, next: i + 1, total: skipCost + best[i + 1].total };
    rules.forEach((rule, index) => {
      const hits = rule.parser(ctx, i);
      // A clause of meaningless words only ('do it', "that's all") means something as a whole; a longer
      // hit of the same rule that holds it keeps that worth, so "that's all the settings" stays one clause
      // rather than "that's all" plus a request for the settings.
      let wholeMeaningless = i;
      for (const hit of hits) {
        let neutral = true;
        for (let k = i; k < hit.end && neutral; k++) neutral = isNeutral(ctx.tokens[k]);
        if (neutral && hit.end > wholeMeaningless) wholeMeaningless = hit.end;
      }
      for (const hit of hits) {
        if (hit.end <= i) continue;
        let meaningful = 0;
        for (let k = i; k < hit.end; k++) if (!isNeutral(ctx.tokens[k])) meaningful += 1;
        const prefix = hit.end >= wholeMeaningless ? wholeMeaningless - i : 0;
        const covered =
          meaningful === 0
            ? COVERED * (hit.end - i)
            : prefix * COVERED + meaningful * COVERED + (hit.end - i - meaningful - prefix) * COVERED_NEUTRAL;
        const cost = CLAUSE + hit.cost - covered + index * 1e-4;
        const total = cost + best[hit.end].total;
        if (total < choice.total - 1e-9)
          choice = { cost, next: hit.end, total, clause: { rule, reading: hit.value, from: i, to: hit.end } };
      }
    });
    best[i] = choice;
  }
  const clauses: Clause[] = [];
  const unusedTokens: number[] = [];
  for (let i = 0; i < n;) {
    const step = best[i];
    if (step.clause) clauses.push(step.clause);
    else if (!isNeutral(ctx.tokens[i])) unusedTokens.push(i);
    i = step.next;
  }
  return { clauses, unusedTokens };
}
