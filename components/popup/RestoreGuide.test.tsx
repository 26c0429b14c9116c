import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readOverlayState, writeOverlayState } from '../../lib/overlay/state';
import { RestoreGuide } from './RestoreGuide';

const activeTab = (url: string) => fakeBrowser.tabs.create({ url, active: true });

describe('RestoreGuide', () => {
  it('offers to show the guide again on the active tab’s portal where it was dismissed', async () => {
    await activeTab('https://medimail.mipih.fr/');
    await writeOverlayState('medimail', { dismissed: true });
    render(<RestoreGuide />);
    await userEvent.click(await screen.findByRole('button', { name: 'Réafficher le guide sur Medimail' }));
    expect((await readOverlayState('medimail')).dismissed).toBe(false);
    await waitFor(() => expect(screen.queryByRole('button')).toBeNull());
  });

  it('shows nothing where the guide is shown, nor outside the portals', async () => {
    await activeTab('https://plage.atih.sante.fr/');
    const { container, unmount } = render(<RestoreGuide />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(container.innerHTML).toBe('');
    unmount();

    await activeTab('https://plage.atih.sante.fr.evil.test/');
    await writeOverlayState('plage', { dismissed: true });
    const other = render(<RestoreGuide />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(other.container.innerHTML).toBe('');
  });
});
