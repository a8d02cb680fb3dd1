/** Messages of the password screens (issue 18), merged into ru.ts / en.ts. */
export const passwordRu = {
  app: {
    password: {
      menu: 'Сменить пароль',
      title: 'Смена пароля',
      forced:
        'Администратор сбросил ваш пароль. Придумайте свой, чтобы продолжить работу: до этого другие разделы недоступны.',
      advice:
        'Не короче 12 символов. Надёжнее всего фраза из нескольких несвязанных слов, например «Сирень у реки 42». Простые, повторяющиеся и распространённые пароли система не примет.',
      current: 'Текущий пароль',
      new: 'Новый пароль',
      repeat: 'Новый пароль ещё раз',
      mismatch: 'Пароли не совпадают',
      save: 'Сменить пароль',
      changed: 'Пароль изменён. Другие ваши сеансы завершены.',
      reset: 'Сбросить пароль',
      reset_title:
        'Сбросить пароль? Сеансы пользователя закончатся, при входе он должен будет сменить пароль',
      temporary: 'Временный пароль (передайте пользователю лично)',
      reset_done: 'Пароль сброшен. Пользователь сменит его при входе.',
    },
  },
};

export const passwordEn = {
  app: {
    password: {
      menu: 'Change password',
      title: 'Change password',
      forced:
        'An administrator reset your password. Choose your own to go on: nothing else is available until then.',
      advice:
        'At least 12 characters. A phrase of a few unrelated words is best. Simple, repeated and common passwords are refused.',
      current: 'Current password',
      new: 'New password',
      repeat: 'New password again',
      mismatch: 'The passwords differ',
      save: 'Change password',
      changed: 'Password changed. Your other sessions have ended.',
      reset: 'Reset password',
      reset_title: 'Reset the password? The user’s sessions end, and they must change it at sign-in',
      temporary: 'Temporary password (hand it to the user in person)',
      reset_done: 'Password reset. The user will change it at sign-in.',
    },
  },
};
