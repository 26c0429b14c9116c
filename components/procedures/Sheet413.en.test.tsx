import { render, screen } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { renderMessage } from '../../lib/i18n/catalog';
import { sampleEstablishment } from '../../lib/profile/sample';
import { Sheet413 } from './Sheet413';

// A browser that loaded Balise's English messages (this file's own module graph: the content language is read once).
beforeEach(() => {
  fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) =>
    renderMessage(key, typeof subs === 'string' ? [subs] : (subs ?? []), 'en')) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.runtime.getManifest = () => ({ manifest_version: 3, name: renderMessage('extName', [], 'en'), version: '0.0.0' });
});

describe('Sheet413 in English', () => {
  it('shows each label beside the French label of the paper form, and counts in English', () => {
    const { container } = render(<Sheet413 establishment={{ ...sampleEstablishment(), siret: undefined }} />);
    const label = (id: string) => container.querySelector(`[data-field="${id}"] dt`)!;
    expect(label('siret').textContent).toBe('SIRET number *« N° SIRET »');
    expect(label('offer').querySelector('[lang="fr"]')!.textContent).toBe('« Case à cocher »');
    expect(container.querySelector('[data-field="offer"] dd')!.textContent).toMatch(/^Tick: Offre certificat/);
    expect(screen.getByRole('alert').textContent).toBe('1 value to complete before printing.');
  });
});
