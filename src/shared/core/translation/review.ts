/** The review status every translated string carries: draft → reviewed → approved. */

/** Statuses in order; a string without a recorded status is a draft. */
export const REVIEW_STATUSES = ['draft', 'reviewed', 'approved'] as const;
/** One of them. */
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
