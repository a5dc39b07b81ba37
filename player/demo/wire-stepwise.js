// How a developer wires @stepwise/player into their product: this is the whole integration.
// (With a bundler: `import { createPlayer } from '@stepwise/player'` instead of window.Stepwise.)
(async function () {
  const bundle = await fetch('/stepwise-bundle.json').then((response) => response.json());

  const player = window.Stepwise.createPlayer({
    bundle,
    // Who is signed in: flows can target users by these traits, and progress is kept per user.
    user: { id: 'user-42', traits: { plan: 'pro', signedUpDaysAgo: 3 } },
    locale: navigator.language,
    // Send every event to your analytics; here, the console stands in for it.
    onEvent(event) {
      console.info('[analytics]', event.type, event);
    },
  });

  // Tell the player about things users do, so checklist items and "advance on event" steps complete.
  document.addEventListener('submit', (event) => {
    if (event.target.id === 'customer-form') player.track('invoice_sent');
  });

  // Exposed for trying things from the console: stepwise.start('tour_dashboard'), stepwise.reset().
  window.stepwise = player;
})();
