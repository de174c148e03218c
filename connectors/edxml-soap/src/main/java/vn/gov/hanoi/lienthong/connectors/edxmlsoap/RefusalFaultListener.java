package vn.gov.hanoi.lienthong.connectors.edxmlsoap;

import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.message.Message;

import vn.gov.hanoi.lienthong.schemas.ws.edoc.HubFault;

/**
 * CXF logs every fault a service raises ("Application … has thrown exception, unwinding now") with its stack
 * trace. A HubFault is the hub's answer to a client's mistake, already logged in one line with its reason code
 * where it was decided (EdocSoapRoute); so is a request CXF could not read (UnreadableRequestFaults): CXF
 * stays quiet about both. Any other fault is CXF's to log as it does.
 */
final class RefusalFaultListener implements FaultListener {

    @Override
    public boolean faultOccurred(Exception exception, String description, Message message) {
        if (vn.gov.hanoi.lienthong.core.refusal.Causes.any(exception, HubFault.class)) return false;
        return !(exception instanceof org.apache.cxf.interceptor.Fault fault && UnreadableRequestFaults.isClientMistake(fault));
    }
}
