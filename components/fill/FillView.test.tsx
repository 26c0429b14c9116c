/** What the fill view says of each line: before (a field an earlier line opens) and after (what the page kept). */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { FillView } from './FillView';

afterEach(cleanup);
const noop = () => {};

it('after the fill, each line says what the page kept: kept, refused (the field is shown), or skipped and why', () => {
  render(
    <FillView
      view={{ state: 'done', filled: [{ label: 'Courriel', value: 'a@b.fr' }], skipped: [{ label: 'Téléphone', value: '01 40 27 50 00', reason: 'rejected' }, { label: 'Mot de passe', value: '', reason: 'secret' }], portalDefaults: [] }}
      send={noop}
      visibleFor={() => null}
    />,
  );
  const lines = screen.getAllByRole('listitem').map((item) => item.textContent);
  expect(lines).toEqual([
    'Courrielgardé par la page',
    'Téléphonevaleur refusée par la page : le champ est encadré en orange, saisissez-le vous-même',
    'Mot de passesecret : Balise ne le remplit jamais',
  ]);
});

it('the preview keeps a field disabled now after a line that opens it, and says so', () => {
  render(
    <FillView
      view={{
        state: 'preview',
        revision: 1,
        several: false,
        chooseEstablishment: false,
        questions: [],
        persons: {},
        leftOut: [],
        busy: false,
        lines: [
          { id: 0, label: 'Courriel', value: 'camille.durand@ch-lauragais.fr', action: 'type', ticked: true },
          { id: 1, label: 'Confirmation du courriel', value: 'camille.durand@ch-lauragais.fr', action: 'type', ticked: true, enabledLater: true },
        ],
      }}
      send={noop}
      visibleFor={() => null}
    />,
  );
  const confirmation = screen.getAllByRole('listitem')[1]!;
  expect(confirmation.textContent).toContain('après le champ précédent');
  expect((confirmation.querySelector('input[type=checkbox]') as HTMLInputElement).checked).toBe(true);
});
