/**
 * Every action the server writes to the audit log, in words (流转记录 and the log never show the
 * internal identifier). A test reads the server's sources and fails when an action lacks a label.
 */
export const EVENT_LABEL: Record<string, string> = {
  'disclosure.create': '导入',
  'disclosure.save': '保存',
  'disclosure.restore': '恢复',
  'disclosure.submit': '提交',
  'disclosure.return': '退回',
  'disclosure.approve': '审核通过',
  'disclosure.publish': '公开',
  'disclosure.withdraw': '撤回公开',
  'disclosure.notice': '整改通知',
  'disclosure.package': '生成公开文件',
  'comment.create': '意见',
  'comment.resolve': '意见已处理',
  'comment.reopen': '意见重新打开',
  'document.audit': '审查公开文件',
  'job.revalidate': '重新校验',
  'organisation.create': '新建机构',
  'organisation.update': '修改机构',
  'organisation.delete': '删除机构',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.delete': '删除用户',
  'user.password': '修改密码',
  login: '登录',
  'login.failed': '登录失败',
  logout: '退出',
};
