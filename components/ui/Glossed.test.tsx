/** Acronyms on a page: the first text to use one writes out its meaning, for every reader and keyboard; the later ones do not. */
import { render } from '@testing-library/react';
import { expect, it } from 'vitest';
import { Glossed } from './Glossed';

it('writes an acronym’s expansion in the text at its first use on the page only', () => {
  const { container } = render(
    <>
      <p>
        <Glossed text="Recevez le code OTP par SMS." />
      </p>
      <p>
        <Glossed text="Saisissez le code OTP." />
      </p>
    </>,
  );
  expect([...container.querySelectorAll('p')].map((p) => p.textContent)).toEqual(['Recevez le code OTP (code à usage unique) par SMS.', 'Saisissez le code OTP.']);
  expect(container.querySelector('abbr')).toBeNull();
});
