// No grantkit: what Vite ships for an empty page, to subtract from the others.
document.querySelector('#out')!.textContent = 'Nothing here';
