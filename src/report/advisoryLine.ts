/**
 * The line every ranking table carries (Summary, Schools, Sensitivity): the ranking points to where
 * prevention may reach most children; it does not grade schools (the force's ethics committee
 * warned against stigmatising them).
 */
export const ADVISORY_LINE = 'Advisory: where prevention support may help most, not a judgement of any school.';
