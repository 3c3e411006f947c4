import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { translateProblemsWith } from './api/weir.ts';
import { cspNonce, nonceScriptCreatedStyles } from './csp-nonce.ts';
import { i18next } from './i18n/index.ts';
import { TimeZoneProvider } from './settings/time-zone.tsx';
import { ThemeProvider } from './theme/theme.tsx';

nonceScriptCreatedStyles(cspNonce);
translateProblemsWith((code, params) =>
  i18next.exists(`problem.${code}`) ? i18next.t(`problem.${code}`, params) : null,
);

const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ThemeProvider>
        <TimeZoneProvider>
          <App />
        </TimeZoneProvider>
      </ThemeProvider>
    </QueryClientProvider>
  </StrictMode>,
);
