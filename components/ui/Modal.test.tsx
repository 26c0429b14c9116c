import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef, useState } from 'react';
import { ConfirmDialog } from './ConfirmDialog';
import { Modal } from './Modal';

/** A page with a button that opens the dialog, as the callers do. */
function Page({ focusField }: { focusField?: boolean }) {
  const [open, setOpen] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  return (
    <main>
      <button type="button" onClick={() => setOpen(true)}>
        Ouvrir
      </button>
      {open && (
        <Modal title="Exporter" onClose={() => setOpen(false)} initialFocus={focusField ? field : undefined} className="wide">
          <label>
            Phrase de passe
            <input ref={field} />
          </label>
          <button type="button">Enregistrer</button>
        </Modal>
      )}
    </main>
  );
}

describe('Modal', () => {
  it('opens over the page on its title, keeps Tab inside, and gives focus back on Escape', async () => {
    const user = userEvent.setup();
    const { container } = render(<Page />);
    const opener = screen.getByRole('button', { name: 'Ouvrir' });
    await user.click(opener);

    const dialog = screen.getByRole('dialog', { name: 'Exporter' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.className).toBe('dialog wide');
    expect(container.contains(dialog)).toBe(false);
    expect(document.activeElement).toBe(within(dialog).getByRole('heading', { name: 'Exporter' }));

    const field = within(dialog).getByRole('textbox', { name: 'Phrase de passe' });
    const save = within(dialog).getByRole('button', { name: 'Enregistrer' });
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(save);
    await user.tab();
    expect(document.activeElement).toBe(field);
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(save);

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('starts on the element it is given', async () => {
    const user = userEvent.setup();
    render(<Page focusField />);
    await user.click(screen.getByRole('button', { name: 'Ouvrir' }));
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Phrase de passe' }));
    expect(screen.getByRole('heading', { name: 'Exporter' }).hasAttribute('tabindex')).toBe(false);
  });
});

describe('ConfirmDialog', () => {
  it('is an alert dialog described by its text, starting on the safe answer; Escape cancels', async () => {
    const user = userEvent.setup();
    const onCancel = vi.fn();
    const onConfirm = vi.fn();
    render(
      <ConfirmDialog
        title="Supprimer « CH Nord » ?"
        description="Cette action est définitive."
        confirmLabel="Supprimer"
        cancelLabel="Annuler"
        danger
        onConfirm={onConfirm}
        onCancel={onCancel}
      />,
    );
    const dialog = screen.getByRole('alertdialog', { name: 'Supprimer « CH Nord » ?', description: 'Cette action est définitive.' });
    const cancel = within(dialog).getByRole('button', { name: 'Annuler' });
    const confirm = within(dialog).getByRole('button', { name: 'Supprimer' });
    expect(document.activeElement).toBe(cancel);
    expect(confirm.className).toBe('button button--danger');
    await user.tab();
    expect(document.activeElement).toBe(confirm);
    await user.tab();
    expect(document.activeElement).toBe(cancel);
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledOnce();
    await user.click(confirm);
    expect(onConfirm).toHaveBeenCalledOnce();
  });
});
