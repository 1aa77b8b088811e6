/** A pencil: "change this answer" on the review screen, in little room; the word itself is there for screen readers. */

/** The icon, decorative (the button's text names it); drawn in the text colour. */
export function PencilIcon() {
  return (
    <svg class="pencil-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
      <path
        d="M4 20h4L19 9l-4-4L4 16v4zM13.5 6.5l4 4"
        fill="none"
        stroke="currentColor"
        stroke-width="2"
        stroke-linejoin="round"
      />
    </svg>
  );
}
