/**
 * The text box and Send button. A form, so Enter sends from the keyboard. While a turn runs the
 * button is disabled but the box keeps its text and focus, so the analyst can type the next turn.
 */
export interface Composer {
  setBusy(busy: boolean): void;
  focus(): void;
}

export function createComposer(
  form: HTMLFormElement,
  input: HTMLInputElement,
  send: HTMLButtonElement,
  onSend: (text: string) => void,
): Composer {
  let busy = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (busy || text === '') return;
    input.value = '';
    onSend(text);
  });
  return {
    setBusy(value) {
      busy = value;
      send.disabled = value;
      form.setAttribute('aria-busy', String(value));
    },
    focus() {
      input.focus();
    },
  };
}
