import { index, type RouteConfig, route } from '@react-router/dev/routes';

export default [
  index('routes/_public/home.tsx'),
  route('accessibility', 'routes/_public/accessibility.tsx'),
  route('privacy', 'routes/_public/privacy.tsx'),
  route('login', 'routes/_auth/login.tsx'),
  route('logout', 'routes/_auth/logout.tsx'),
  route('lang', 'routes/_auth/lang.tsx'),
  route('password/forgot', 'routes/_auth/password-forgot.tsx'),
  route('password/reset/:token', 'routes/_auth/password-reset.tsx'),
  route('invitation/:token', 'routes/_auth/invitation.tsx'),
  route('setup', 'routes/_auth/setup.tsx'),
  route('app', 'routes/app/index.tsx'),
  route('app/:locality', 'routes/app/locality-home.tsx'),
  route('app/:locality/roadmap', 'routes/app/roadmap.tsx'),
  route('app/:locality/roadmap/:stepKey', 'routes/app/roadmap-step.tsx'),
  route('admin', 'routes/admin/overview.tsx'),
  route('admin/localities', 'routes/admin/localities.tsx'),
  route('admin/localities/new', 'routes/admin/locality-new.tsx'),
  route('admin/users', 'routes/admin/users.tsx'),
  route('admin/users/invite', 'routes/admin/user-invite.tsx'),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;
