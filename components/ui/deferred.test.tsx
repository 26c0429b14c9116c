import { render, screen } from '@testing-library/react';
import { deferred } from './deferred';

describe('deferred', () => {
  it('loads once, only when wanted, and renders the module without a Suspense fallback', async () => {
    const load = vi.fn(async () => ({ Hello: () => <p>Bonjour</p> }));
    const module = deferred(load);
    function Host({ wanted }: { wanted: boolean }) {
      const loaded = module.use(wanted);
      return loaded ? <loaded.Hello /> : <p>Chargement…</p>;
    }
    const { rerender } = render(<Host wanted={false} />);
    expect(load).not.toHaveBeenCalled();
    rerender(<Host wanted />);
    expect(await screen.findByText('Bonjour')).toBeTruthy();
    await module.preload();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('tries again after a failed load', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('extension updated')).mockResolvedValueOnce('ok');
    const module = deferred(load as () => Promise<string>);
    await expect(module.preload()).rejects.toThrow('extension updated');
    await expect(module.preload()).resolves.toBe('ok');
  });
});
