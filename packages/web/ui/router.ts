import { createRouter, createWebHistory } from 'vue-router';
import { setUnauthenticatedHandler } from './api.ts';
import { loadMe, me, setMe } from './session.ts';

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    {
      path: '/login',
      component: () => import('./pages/LoginPage.vue'),
      meta: { public: true, title: '登录' },
    },
    {
      path: '/',
      component: () => import('./layout/AppShell.vue'),
      children: [
        { path: '', redirect: '/disclosures' },
        {
          path: 'disclosures',
          component: () => import('./pages/DisclosureListPage.vue'),
          meta: { title: '决算填报与审核' },
        },
        {
          path: 'disclosures/:id',
          component: () => import('./pages/DisclosurePage.vue'),
          meta: { title: '决算详情' },
        },
        {
          path: 'review',
          component: () => import('./pages/ReviewDashboardPage.vue'),
          meta: { title: '审核与公开' },
        },
        {
          path: 'review/:id',
          component: () => import('./pages/WorkflowPage.vue'),
          meta: { title: '审核流转' },
        },
        {
          path: 'document-audits',
          component: () => import('./pages/DocumentAuditPage.vue'),
          meta: { title: '公开文件审查', reviewer: true },
        },
        {
          path: 'prepare',
          component: () => import('./pages/PreparePage.vue'),
          meta: { title: '单位填报' },
        },
        {
          path: 'disclosures/:id/edit',
          component: () => import('./pages/EditorPage.vue'),
          meta: { title: '填报' },
        },
        {
          path: 'organisations',
          component: () => import('./pages/OrganisationsPage.vue'),
          meta: { title: '组织机构' },
        },
        {
          path: 'users',
          component: () => import('./pages/UsersPage.vue'),
          meta: { title: '用户管理', admin: true },
        },
        {
          path: 'audit-log',
          component: () => import('./pages/AuditLogPage.vue'),
          meta: { title: '操作日志', admin: true },
        },
      ],
    },
    {
      path: '/public',
      component: () => import('./pages/PublicIndexPage.vue'),
      meta: { public: true, open: true, title: '部门决算公开平台' },
    },
    {
      path: '/public/:year/:code',
      component: () => import('./pages/PublicDisclosurePage.vue'),
      meta: { public: true, open: true, title: '部门决算公开' },
    },
    {
      path: '/:rest(.*)*',
      component: () => import('./pages/NotFoundPage.vue'),
      meta: { public: true, title: '页面不存在' },
    },
  ],
});

router.beforeEach(async (to) => {
  // The public pages of published disclosures need no account: no session check there.
  if (to.meta['open']) return true;
  const user = await loadMe().catch(() => null);
  if (!to.meta['public'] && !user)
    return { path: '/login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} };
  if (to.meta['admin'] && user?.role !== 'admin') return '/disclosures';
  if (to.meta['reviewer'] && user?.role !== 'admin' && user?.role !== 'reviewer') return '/review';
  if (to.path === '/login' && user) return '/disclosures';
  return true;
});

router.afterEach((to) => {
  const title = typeof to.meta['title'] === 'string' ? to.meta['title'] : '';
  document.title = `${title ? title + ' · ' : ''}决算 Juesuan`;
});

setUnauthenticatedHandler(() => {
  if (me.value) {
    setMe(null);
    void router.push({ path: '/login', query: { redirect: router.currentRoute.value.fullPath } });
  }
});
