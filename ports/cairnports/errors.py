"""The one error type of the ports tool."""


class PortError(Exception):
    """A failure that names the port, the step and, when there is one, the log.

    Every failure the tool reports is one of these, so the command line can
    print "ports: NAME: STEP: message (log: PATH)" and exit non-zero without a
    traceback. The log file is kept for the user to read.
    """

    def __init__(self, port, step, message, log=None):
        super().__init__(message)
        self.port = port
        self.step = step
        self.message = message
        self.log = log

    def __str__(self):
        text = 'ports: %s: %s: %s' % (self.port, self.step, self.message)
        if self.log:
            text += ' (log: %s)' % self.log
        return text
