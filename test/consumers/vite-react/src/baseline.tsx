// React alone, no grantkit: what the other pages are measured against.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

createRoot(document.querySelector('#root')!).render(
  <StrictMode>
    <p>Nothing here</p>
  </StrictMode>,
);
