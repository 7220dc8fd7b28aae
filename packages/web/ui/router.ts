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
      path: '/:rest(.*)*',
      component: () => import('./pages/NotFoundPage.vue'),
      meta: { public: true, title: '页面不存在' },
    },
  ],
});

router.beforeEach(async (to) => {
  const user = await loadMe().catch(() => null);
  if (!to.meta['public'] && !user)
    return { path: '/login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} };
  if (to.meta['admin'] && user?.role !== 'admin') return '/disclosures';
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
