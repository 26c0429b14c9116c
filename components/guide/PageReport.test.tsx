import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { PageReport } from './PageReport';

const text = 'Description de page — Balise 0.1.0\nURL : https://medimail.mipih.fr/?m=…';

function setClipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
}
afterEach(() => {
  Reflect.deleteProperty(navigator, 'clipboard');
});

describe('PageReport', () => {
  it('asks for the description, then shows it read-only under a heading that takes the focus', () => {
    const onDescribe = vi.fn();
    const { rerender } = render(<PageReport report={undefined} onDescribe={onDescribe} />);
    expect(screen.queryByRole('heading')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Décrire cette page' }));
    expect(onDescribe).toHaveBeenCalledTimes(1);

    rerender(<PageReport report={{ id: 1, text }} onDescribe={onDescribe} />);
    const heading = screen.getByRole('heading', { name: 'Description de la page' });
    expect(document.activeElement).toBe(heading);
    const shown = screen.getByRole('textbox', { name: 'Description de la page' }) as HTMLTextAreaElement;
    expect(shown.readOnly).toBe(true);
    expect(shown.value).toBe(text);
  });

  it('copies on « Copier » and says « Copié » in a live region', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    setClipboard(writeText);
    render(<PageReport report={{ id: 1, text }} onDescribe={() => {}} />);
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copier' })));
    expect(writeText).toHaveBeenCalledWith(text);
    expect(status.textContent).toBe('Copié');
  });

  it('selects the text and asks for Ctrl+C when the clipboard is refused', async () => {
    setClipboard(() => Promise.reject(new DOMException('Refused', 'NotAllowedError')));
    render(<PageReport report={{ id: 1, text }} onDescribe={() => {}} />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copier' })));
    const shown = screen.getByRole('textbox') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(shown);
    expect([shown.selectionStart, shown.selectionEnd]).toEqual([0, text.length]);
    expect(screen.getByRole('status').textContent).toBe('Copiez le texte sélectionné (Ctrl+C, ou ⌘+C sur Mac)');
  });

  it('closes back to its button, and opens again on a new description', () => {
    const { rerender } = render(<PageReport report={{ id: 1, text }} onDescribe={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Fermer la description' }));
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Décrire cette page' }));
    rerender(<PageReport report={{ id: 2, text: `${text}\nautre` }} onDescribe={() => {}} />);
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe(`${text}\nautre`);
  });
});
