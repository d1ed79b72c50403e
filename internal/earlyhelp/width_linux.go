package earlyhelp

import (
	"os"
	"syscall"
	"unsafe"
)

// terminalWidth is out's width in columns when it is a terminal, else 80, as kong takes it
// (golang.org/x/term's GetSize, which asks the same ioctl; that package is not imported here
// because its imports would be initialised first).
func terminalWidth(out *os.File) (width int, known bool) {
	var size struct{ rows, cols, xpixel, ypixel uint16 }
	_, _, errno := syscall.Syscall(syscall.SYS_IOCTL, out.Fd(), syscall.TIOCGWINSZ, uintptr(unsafe.Pointer(&size)))
	if errno != 0 || size.cols == 0 {
		return 80, true
	}
	return int(size.cols), true
}
