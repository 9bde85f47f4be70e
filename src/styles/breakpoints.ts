// The width below which the deck shows one column at a time. Script decides the deck's
// layout (and which columns load first), so the breakpoint lives here, not in CSS.
export const NARROW_QUERY = '(max-width: 699.98px)'
