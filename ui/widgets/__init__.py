"""Touch widgets shared by the screens: keypad, keyboard, panels over the screen, icons."""
