/** Focus the element with this id once the page has been drawn again (after a panel closes). */
export function focusLater(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}
